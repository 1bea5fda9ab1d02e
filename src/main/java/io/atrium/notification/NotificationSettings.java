package io.atrium.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atrium.notifications.*}. Activity is emailed once the oldest unsent line of its group is
 * {@code activityWindow} old; the digest job looks every {@code digestInterval}.
 */
@ConfigurationProperties("atrium.notifications")
record NotificationSettings(@DefaultValue("5m") Duration activityWindow, @DefaultValue("30s") Duration digestInterval) {
}
