package io.atrium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Enumeration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The page view's request and response: attributes skip only wrappers that pass them on, and a page's flush waits
 * for the end of the request.
 */
class PageViewTest {

	@Test
	void attributesGoStraightToTheRequestThatKeepsThemPastWrappersThatOnlyPassThemOn() {
		var request = new MockHttpServletRequest();
		var passing = new HttpServletRequestWrapper(new HttpServletRequestWrapper(request));
		var direct = new PageView.DirectAttributes(passing);

		assertThat(PageView.DirectAttributes.keeper(passing)).isSameAs(request);
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
		var direct = new PageView.DirectAttributes(passing);

		assertThat(PageView.DirectAttributes.keeper(passing)).isSameAs(own);
		assertThat(direct.getAttribute("jakarta.servlet.forward.request_uri")).isEqualTo("/forwarded");
		direct.setAttribute("firm", "Acme");
		assertThat(request.getAttribute("firm")).isEqualTo("Acme");
	}

	@Test
	void aPageIsNotFlushedBeforeTheRequestEnds() throws Exception {
		var response = new MockHttpServletResponse();
		var whole = new PageView.FlushedAtEnd(response);

		var writer = whole.getWriter();
		assertThat(whole.getWriter()).isSameAs(writer);
		writer.write("<p>page</p>");
		writer.flush();
		assertThat(response.isCommitted()).isFalse();
		response.flushBuffer();
		assertThat(response.getContentAsString()).isEqualTo("<p>page</p>");
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
