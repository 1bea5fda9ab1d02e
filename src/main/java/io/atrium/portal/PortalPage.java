package io.atrium.portal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of pages under {@code /p/{slug}/}, whichever module it belongs to: its pages get what the
 * branded portal layout needs (the firm, its portal settings, who is signed in), and its errors become portal error
 * pages in the firm's colours rather than the firm app's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PortalPage {
}
