package io.atrium.platform;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Thymeleaf's page view, with two costs of every page taken out (docs/performance.md, sixth run):
 * <ul>
 * <li><b>Variables through every request wrapper.</b> Thymeleaf keeps a page's variables as request attributes, so
 * every {@code ${...}} and every row of a {@code th:each} read and wrote an attribute through the eight wrappers the
 * filters had put around the request. A page renders with a {@link DirectRequest} (a request dispatched to a page
 * normally has one already).</li>
 * <li><b>A page sent in pieces.</b> Thymeleaf flushed the response when a page was done, which committed it before
 * the request ended: the page went out chunked, with the end of the body as a second write to the socket. The
 * flush now waits for the request's end, where the container sends a page that fits its buffer in one write, with
 * its length. Larger pages still go out as the buffer fills.</li>
 * </ul>
 */
public class PageView extends ThymeleafView {

	/** Makes Spring Boot's Thymeleaf view resolver create these views. */
	public static BeanPostProcessor resolving() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ThymeleafViewResolver resolver) {
					resolver.setViewClass(PageView.class);
				}
				return bean;
			}
		};
	}

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		super.render(model, DirectRequest.of(request), new FlushedAtEnd(response));
	}

	/** The response, whose writer leaves flushing to the container at the end of the request. */
	static final class FlushedAtEnd extends HttpServletResponseWrapper {

		private PrintWriter writer;

		FlushedAtEnd(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (writer == null) {
				writer = new PrintWriter(super.getWriter(), false) {
					@Override
					public void flush() {
						// the container flushes when the request ends
					}
				};
			}
			return writer;
		}
	}
}
