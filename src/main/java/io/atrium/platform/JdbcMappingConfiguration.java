package io.atrium.platform;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;

/**
 * Spring Data JDBC writes unquoted identifiers: the schema is written in lower case without quotes, which both
 * PostgreSQL and H2 (with DATABASE_TO_LOWER) fold the same way, so one set of migrations and queries serves both.
 */
@Configuration(proxyBeanMethods = false)
class JdbcMappingConfiguration {

	@Bean
	static BeanPostProcessor unquotedIdentifiers() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcMappingContext context) {
					context.setForceQuote(false);
				}
				return bean;
			}
		};
	}
}
