package io.atrium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** The page view's response: a page's flush waits for the end of the request. */
class PageViewTest {

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
}
