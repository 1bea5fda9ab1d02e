package io.atrium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The direct request: attributes skip only wrappers that pass them on, the method is asked of the wrappers once,
 * and a forward dispatches the request it wraps.
 */
class DirectRequestTest {

	@Test
	void attributesGoStraightToTheRequestThatKeepsThemPastWrappersThatOnlyPassThemOn() {
		var request = new MockHttpServletRequest();
		var passing = new HttpServletRequestWrapper(new HttpServletRequestWrapper(request));
		var direct = DirectRequest.of(passing);

		assertThat(DirectRequest.keeper(passing)).isSameAs(request);
		direct.setAttribute("firm", "Acme");
		assertThat(request.getAttribute("firm")).isEqualTo("Acme");
		assertThat(passing.getAttribute("firm")).isEqualTo("Acme");
		request.setAttribute("slug", "acme");
		assertThat(direct.getAttribute("slug")).isEqualTo("acme");
		assertThat(Collections.list(direct.getAttributeNames())).containsExactlyInAnyOrder("firm", "slug");
		direct.removeAttribute("firm");
		assertThat(request.getAttribute("firm")).isNull();
	}

	@Test
	void aWrapperWithAttributesOfItsOwnIsStillAsked() {
		var request = new MockHttpServletRequest();
		var own = new OwnAttributes(new HttpServletRequestWrapper(request));
		var passing = new HttpServletRequestWrapper(own);
		var direct = DirectRequest.of(passing);

		assertThat(DirectRequest.keeper(passing)).isSameAs(own);
		assertThat(direct.getAttribute("jakarta.servlet.forward.request_uri")).isEqualTo("/forwarded");
		direct.setAttribute("firm", "Acme");
		assertThat(request.getAttribute("firm")).isEqualTo("Acme");
	}

	@Test
	void theMethodIsAskedOfTheWrappersOnce() {
		var asked = new int[1];
		var request = new HttpServletRequestWrapper(new MockHttpServletRequest("POST", "/p/acme/switch")) {
			@Override
			public String getMethod() {
				asked[0]++;
				return super.getMethod();
			}
		};
		var direct = DirectRequest.of(request);
		assertThat(direct.getMethod()).isEqualTo("POST");
		assertThat(direct.getMethod()).isEqualTo("POST");
		assertThat(asked[0]).isEqualTo(1);
		assertThat(DirectRequest.of(direct)).isSameAs(direct);
	}

	@Test
	void aForwardDispatchesTheWrappedRequest() throws Exception {
		var forwarded = new ArrayList<ServletRequest>();
		var inner = new MockHttpServletRequest() {
			@Override
			public RequestDispatcher getRequestDispatcher(String path) {
				return new RequestDispatcher() {
					@Override
					public void forward(ServletRequest request, ServletResponse response) {
						forwarded.add(request);
					}

					@Override
					public void include(ServletRequest request, ServletResponse response) {
						forwarded.add(request);
					}
				};
			}
		};
		var passing = new HttpServletRequestWrapper(inner);
		var direct = DirectRequest.of(passing);
		direct.getRequestDispatcher("/p/acme/stale").forward(direct, new MockHttpServletResponse());
		direct.getRequestDispatcher("/p/acme/stale").include(direct, new MockHttpServletResponse());
		assertThat(forwarded).containsExactly(passing, passing);
	}

	/** Like Tomcat's forward request: an attribute of its own, the rest passed on. */
	private static final class OwnAttributes extends HttpServletRequestWrapper {

		OwnAttributes(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			return name.startsWith("jakarta.servlet.forward.") ? "/forwarded" : super.getAttribute(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return super.getAttributeNames();
		}
	}
}
