package io.atrium.platform;

import org.springframework.stereotype.Component;
import org.webjars.WebJarVersionLocator;

/**
 * Addresses of the scripts that come as webjars, with their version, worked out once at start-up. Pages link them
 * as {@code @{${@assets.htmx()}}}: the resource chain that would resolve version-less webjar addresses also
 * rewrites every link of every page, which halved the portal home's throughput (docs/performance.md).
 */
@Component("assets")
public class Assets {

	private final String htmx;

	Assets() {
		var version = new WebJarVersionLocator().version("htmx.org");
		if (version == null) {
			throw new IllegalStateException("the htmx.org webjar is missing from the class path");
		}
		this.htmx = "/webjars/htmx.org/" + version + "/dist/htmx.min.js";
	}

	public String htmx() {
		return htmx;
	}
}
