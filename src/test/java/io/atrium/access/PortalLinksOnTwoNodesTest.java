package io.atrium.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import io.atrium.TwoNodes;
import io.atrium.client.ClientManagement;
import io.atrium.firm.FirmManagement;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/**
 * Two Atrium nodes on one PostgreSQL database: a link POSTed to both nodes at the same moment is spent exactly
 * once (a magic link signs in once, an invitation is accepted once). Skipped where no PostgreSQL answers, failed in
 * CI.
 */
@TestInstance(Lifecycle.PER_CLASS)
class PortalLinksOnTwoNodesTest {

	private final Map<String, String> tokens = new ConcurrentHashMap<>();
	private TwoNodes nodes;
	private ConfigurableApplicationContext nodeA;
	private ConfigurableApplicationContext nodeB;
	private StaffPrincipal owner;
	private String slug;

	@BeforeAll
	void startTwoNodes() throws Exception {
		nodes = TwoNodes.start(Map.of());
		nodeA = nodes.contextA();
		nodeB = nodes.contextB();
		ApplicationListener<PayloadApplicationEvent<?>> recorder = event -> {
			if (event.getPayload() instanceof PortalMagicLinkRequested sent) {
				tokens.put("magic:" + sent.email(), sent.token());
			}
			if (event.getPayload() instanceof PortalInvitationSent sent) {
				tokens.put("invitation:" + sent.email(), sent.token());
			}
		};
		nodeA.addApplicationListener(recorder);
		owner = StaffFixtures.aFirmWithOwner(nodeA.getBean(StaffManagement.class));
		slug = nodeA.getBean(FirmManagement.class).get(owner.firm()).slug();
	}

	@AfterAll
	void stopNodes() throws Exception {
		if (nodes != null) {
			nodes.close();
		}
	}

	@Test
	void aMagicLinkPostedToBothNodesAtOnceSignsInOnce() throws Exception {
		var a = nodeA.getBean(PortalAccessManagement.class);
		var b = nodeB.getBean(PortalAccessManagement.class);
		for (int round = 0; round < 8; round++) {
			var c = AccessFixtures.aClientWithContact(nodeA.getBean(ClientManagement.class), owner);
			a.enableWithGeneratedPassword(owner, c.client(), c.contact(), PortalRole.OWNER);
			a.requestMagicLink(slug, c.email());
			var token = tokens.get("magic:" + c.email());
			assertThat(b.checkLink(slug, token, LinkPurpose.MAGIC_LINK)).isEqualTo(LinkCheck.VALID);

			var won = race(node -> node.consumeMagicLink(slug, token), a, b);

			assertThat(won).as("round " + round).isEqualTo(1);
			assertThat(a.checkLink(slug, token, LinkPurpose.MAGIC_LINK)).isEqualTo(LinkCheck.USED);
		}
	}

	@Test
	void anInvitationPostedToBothNodesAtOnceIsAcceptedOnce() throws Exception {
		var a = nodeA.getBean(PortalAccessManagement.class);
		var b = nodeB.getBean(PortalAccessManagement.class);
		for (int round = 0; round < 4; round++) {
			var c = AccessFixtures.aClientWithContact(nodeA.getBean(ClientManagement.class), owner);
			a.invite(owner, c.client(), c.contact(), PortalRole.EDITOR, null);
			var token = tokens.get("invitation:" + c.email());

			var won = race(node -> Optional.of(node.acceptInvitation(slug, token, AccessFixtures.CONTACT_PASSWORD)), a, b);

			assertThat(won).as("round " + round).isEqualTo(1);
			assertThat(b.signIn(slug, c.email(), AccessFixtures.CONTACT_PASSWORD)).isPresent();
		}
	}

	/** Calls both nodes at the same moment; how many got a session (a loser may also fail with an exception). */
	private static int race(Function<PortalAccessManagement, Optional<PortalSession>> attempt,
			PortalAccessManagement... nodes) throws Exception {
		var pool = Executors.newFixedThreadPool(nodes.length);
		try {
			var start = new CountDownLatch(1);
			List<Future<Optional<PortalSession>>> results = new ArrayList<>();
			for (var node : nodes) {
				results.add(pool.submit(() -> {
					start.await();
					return attempt.apply(node);
				}));
			}
			start.countDown();
			int won = 0;
			for (var result : results) {
				try {
					won += result.get().isPresent() ? 1 : 0;
				}
				catch (java.util.concurrent.ExecutionException e) {
					// the link was spent by the other node
				}
			}
			return won;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
