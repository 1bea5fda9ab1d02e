package io.atrium.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortalThrottleTest {

	@Test
	void anIpThatSpendsItsBudgetIsRefusedWhateverTheAddress() {
		var throttle = new PortalThrottle(3, 100);
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.tryAttempt("203.0.113.7", "person" + i + "@example.test")).isTrue();
		}
		assertThat(throttle.tryAttempt("203.0.113.7", "another@example.test")).isFalse();
		assertThat(throttle.tryAttempt("198.51.100.1", "another@example.test")).as("other networks").isTrue();
	}

	@Test
	void anAddressThatSpendsItsBudgetIsRefusedFromEveryNetwork() {
		var throttle = new PortalThrottle(100, 2);
		assertThat(throttle.tryAttempt("203.0.113.1", "Target@Example.test")).isTrue();
		assertThat(throttle.tryAttempt("203.0.113.2", "target@example.test ")).isTrue();
		assertThat(throttle.tryAttempt("203.0.113.3", "target@example.test")).isFalse();
		assertThat(throttle.tryAttempt("203.0.113.3", "someone-else@example.test")).isTrue();
	}
}
