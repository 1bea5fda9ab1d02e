package io.atrium.platform;

import java.io.PrintWriter;
import java.util.Enumeration;
import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Thymeleaf's page view, with two costs of every page taken out (docs/performance.md, sixth run):
 * <ul>
 * <li><b>Variables through every request wrapper.</b> Thymeleaf keeps a page's variables as request attributes, so
 * every {@code ${...}} and every row of a {@code th:each} read and wrote an attribute through the eight wrappers the
 * filters had put around the request (session store, security, host routing...), none of which does anything with
 * attributes but pass them on. While a page renders, its attributes go straight to the innermost request that
 * keeps them: a wrapper is skipped only when it inherits all four attribute methods from
 * {@link ServletRequestWrapper}, so one that gives attributes a meaning of its own (Tomcat's forward and include
 * requests) is still asked. Nothing forwards or includes while a page renders.</li>
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
		super.render(model, new DirectAttributes(request), new FlushedAtEnd(response));
	}

	/** The request, with its attributes read and written on the innermost request that keeps them. */
	static final class DirectAttributes extends HttpServletRequestWrapper {

		private static final ClassValue<Boolean> PASSES_ATTRIBUTES_ON = new ClassValue<>() {
			@Override
			protected Boolean computeValue(Class<?> type) {
				try {
					return type.getMethod("getAttribute", String.class).getDeclaringClass() == ServletRequestWrapper.class
							&& type.getMethod("getAttributeNames").getDeclaringClass() == ServletRequestWrapper.class
							&& type.getMethod("setAttribute", String.class, Object.class)
								.getDeclaringClass() == ServletRequestWrapper.class
							&& type.getMethod("removeAttribute", String.class)
								.getDeclaringClass() == ServletRequestWrapper.class;
				}
				catch (NoSuchMethodException e) {
					return false;
				}
			}
		};

		private final ServletRequest attributes;

		DirectAttributes(HttpServletRequest request) {
			super(request);
			this.attributes = keeper(request);
		}

		/** The innermost request reached through wrappers that only pass attributes on. */
		static ServletRequest keeper(ServletRequest request) {
			var current = request;
			while (current instanceof ServletRequestWrapper wrapper && PASSES_ATTRIBUTES_ON.get(wrapper.getClass())) {
				current = wrapper.getRequest();
			}
			return current;
		}

		@Override
		public Object getAttribute(String name) {
			return attributes.getAttribute(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return attributes.getAttributeNames();
		}

		@Override
		public void setAttribute(String name, Object value) {
			attributes.setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			attributes.removeAttribute(name);
		}
	}

	/** The response, whose writer leaves flushing to the container at the end of the request. */
	static final class FlushedAtEnd extends HttpServletResponseWrapper {

		private PrintWriter writer;

		FlushedAtEnd(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() throws java.io.IOException {
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
