package io.atrium.firm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;


/** Tells the person who started Atrium where to open it, and whether first-run setup is still to do. */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	private final FirmManagement firms;
	private final String baseUrl;

	StartupBanner(FirmManagement firms, @Value("${atrium.base-url}") String baseUrl) {
		this.firms = firms;
		this.baseUrl = baseUrl;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		var next = firms.anyFirmExists() ? baseUrl + "/signin" : baseUrl + "/setup";
		log.info("""

				  Atrium is running. Open {}
				""", next);
	}
}
