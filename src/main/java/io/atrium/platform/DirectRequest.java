package io.atrium.platform;

import java.io.IOException;
import java.util.Enumeration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request as Spring MVC and the pages see it, without the cost of the wrappers the filters put around it
 * (session store, security, host routing...: eight of them on a portal page). Measured under load
 * (docs/performance.md, sixth run), two things went through all of them many times a request:
 * <ul>
 * <li><b>Attributes.</b> MVC keeps its state and Thymeleaf a page's variables as request attributes: every
 * {@code ${...}} of a page and every row of a {@code th:each} read or wrote one. Here they go straight to the innermost
 * request that keeps them: a wrapper is skipped only when it inherits all four attribute methods from
 * {@link ServletRequestWrapper}, so one that gives attributes a meaning of its own (Tomcat's forward and include
 * requests) is still asked.</li>
 * <li><b>The method.</b> Finding the controller of a path with variables ({@code /p/{slug}/...}) checks the method
 * of every mapping the app has, asking the request each time. The method is asked of the wrappers once and kept.</li>
 * </ul>
 * A forward or include from behind this wrapper dispatches the request it wraps, so the container's forward request
 * sits below nothing that bypasses it.
 */
public final class DirectRequest extends HttpServletRequestWrapper {

	private static final ClassValue<Boolean> PASSES_ATTRIBUTES_ON = new ClassValue<>() {
		@Override
		protected Boolean computeValue(Class<?> type) {
			return inherited(type, "getAttribute", String.class) && inherited(type, "getAttributeNames")
					&& inherited(type, "setAttribute", String.class, Object.class)
					&& inherited(type, "removeAttribute", String.class);
		}
	};

	private final ServletRequest attributes;
	private String method;

	/** Whether {@code type} takes the method as {@link ServletRequestWrapper} has it, passing the call on. */
	private static boolean inherited(Class<?> type, String name, Class<?>... parameters) {
		try {
			return type.getMethod(name, parameters).getDeclaringClass() == ServletRequestWrapper.class;
		}
		catch (NoSuchMethodException e) {
			return false;
		}
	}

	private DirectRequest(HttpServletRequest request) {
		super(request);
		this.attributes = keeper(request);
	}

	/** {@code request} as a direct request (itself when it is one). */
	public static DirectRequest of(HttpServletRequest request) {
		return request instanceof DirectRequest direct ? direct : new DirectRequest(request);
	}

	/** Wraps each request, behind every other filter, before it reaches Spring MVC. */
	static FilterRegistrationBean<Filter> registration() {
		var registration = new FilterRegistrationBean<Filter>((Filter) (request, response, chain) -> chain
			.doFilter(request instanceof HttpServletRequest http ? of(http) : request, response));
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setName("directRequest");
		return registration;
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
	public String getMethod() {
		if (method == null) {
			method = super.getMethod();
		}
		return method;
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

	@Override
	public RequestDispatcher getRequestDispatcher(String path) {
		var dispatcher = super.getRequestDispatcher(path);
		return dispatcher == null ? null : new RequestDispatcher() {
			@Override
			public void forward(ServletRequest request, ServletResponse response) throws ServletException, IOException {
				dispatcher.forward(request == DirectRequest.this ? getRequest() : request, response);
			}

			@Override
			public void include(ServletRequest request, ServletResponse response) throws ServletException, IOException {
				dispatcher.include(request == DirectRequest.this ? getRequest() : request, response);
			}
		};
	}
}
