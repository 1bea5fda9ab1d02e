/**
 * What every module stands on and that is no business capability of its own: error pages and ProblemDetails,
 * form error messages, single-use tokens, the password policy, password hashing, the clock, unquoted JDBC
 * identifiers, the production start-up guard and the HTTP security headers. It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.atrium.platform;
