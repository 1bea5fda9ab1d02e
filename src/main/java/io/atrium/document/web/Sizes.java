package io.atrium.document.web;

import java.util.Locale;

/** File sizes as people read them, for pages ({@code T(io.atrium.document.web.Sizes).human(d.size())}) and messages. */
public final class Sizes {

	private static final String[] UNITS = { "KB", "MB", "GB", "TB" };

	private Sizes() {
	}

	/** 12 bytes, 820 KB, 1.4 MB, 1 GB. */
	public static String human(long bytes) {
		if (bytes < 1024) {
			return bytes + (bytes == 1 ? " byte" : " bytes");
		}
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < UNITS.length - 1) {
			value /= 1024;
			unit++;
		}
		var text = value >= 10 || value == Math.floor(value) ? String.valueOf(Math.round(value))
				: String.format(Locale.ROOT, "%.1f", value);
		return text + " " + UNITS[unit];
	}
}
