package io.atrium.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServletRequest;

class PortalHostRoutingTest {

	private final PortalHostRouting routing = new PortalHostRouting("Portal.Example.com");

	private HttpServletRequest route(String host, String path) throws Exception {
		var request = new MockHttpServletRequest("GET", path);
		request.setServerName(host);
		request.setServerPort(443);
		request.setScheme("https");
		var chain = new MockFilterChain();
		routing.doFilter(request, new MockHttpServletResponse(), chain);
		return (HttpServletRequest) chain.getRequest();
	}

	@Test
	void aFirmsHostServesItsPortalPaths() throws Exception {
		var routed = route("acme.portal.example.com", "/signin");
		assertThat(routed.getRequestURI()).isEqualTo("/p/acme/signin");
		assertThat(routed.getServletPath()).isEqualTo("/p/acme/signin");
		assertThat(routed.getRequestURL().toString()).isEqualTo("https://acme.portal.example.com/p/acme/signin");
		assertThat(route("ACME.Portal.Example.COM", "/").getRequestURI()).isEqualTo("/p/acme/");
		assertThat(route("acme.portal.example.com", "/link/abc").getRequestURI()).isEqualTo("/p/acme/link/abc");
	}

	@Test
	void sharedAssetsAndPortalPathsPassUnchanged() throws Exception {
		assertThat(route("acme.portal.example.com", "/css/atrium.css").getRequestURI()).isEqualTo("/css/atrium.css");
		assertThat(route("acme.portal.example.com", "/p/acme/people").getRequestURI()).isEqualTo("/p/acme/people");
		assertThat(route("acme.portal.example.com", "/webjars/x.js").getRequestURI()).isEqualTo("/webjars/x.js");
	}

	@Test
	void theFirmAppIsNotServedOnAPortalHost() throws Exception {
		assertThat(route("acme.portal.example.com", "/app/clients").getRequestURI()).isEqualTo("/p/acme/app/clients");
	}

	@Test
	void otherHostsAreLeftAlone() throws Exception {
		assertThat(route("app.example.com", "/signin").getRequestURI()).isEqualTo("/signin");
		assertThat(route("portal.example.com", "/signin").getRequestURI()).isEqualTo("/signin");
		assertThat(route("a.b.portal.example.com", "/signin").getRequestURI()).isEqualTo("/signin");
		assertThat(route("evilportal.example.com", "/signin").getRequestURI()).isEqualTo("/signin");
	}
}
