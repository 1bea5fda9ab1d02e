package io.atrium.platform;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Turns binding errors and rejected requests into one message per field for a form page to show next to the
 * field (key {@code _form} for the form as a whole). Forms are records, so pages read the messages from this map.
 */
@Component
public class FormErrors {

	public static final String FORM = "_form";

	private final MessageSource messages;

	FormErrors(MessageSource messages) {
		this.messages = messages;
	}

	public Map<String, String> of(BindingResult result) {
		var errors = new LinkedHashMap<String, String>();
		var locale = locale();
		for (var error : result.getAllErrors()) {
			var field = error instanceof FieldError f ? f.getField() : FORM;
			var message = error instanceof FieldError f && f.isBindingFailure()
					? messages.getMessage("typeMismatch", null, "This value is not valid.", locale)
					: messages.getMessage(error, locale);
			errors.putIfAbsent(field, message);
		}
		return errors;
	}

	public Map<String, String> of(InvalidRequestException e) {
		var errors = new LinkedHashMap<String, String>();
		errors.put(e.field() == null ? FORM : e.field(), message(e.messageKey()));
		return errors;
	}

	public String message(String key, Object... args) {
		return messages.getMessage(key, args, key, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
