package io.atrium.client.web;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.atrium.client.ClientManagement;
import io.atrium.client.ClientType;
import io.atrium.client.ClientView;
import io.atrium.staff.StaffPrincipal;

/** Fills in a client's page on one tab, for the client controller and for the contact forms that re-show it. */
@Component
class ClientPageModel {

	private final ClientManagement clients;

	ClientPageModel(ClientManagement clients) {
		this.clients = clients;
	}

	String detail(StaffPrincipal me, Model model, ClientView client, ClientTab tab, ClientForm form,
			ContactForm contactForm, Map<String, String> fieldErrors) {
		model.addAttribute("client", client);
		model.addAttribute("tab", tab);
		model.addAttribute("tabs", ClientTab.values());
		model.addAttribute("form", form);
		model.addAttribute("contactForm", contactForm);
		model.addAttribute("errors", fieldErrors);
		model.addAttribute("types", ClientType.values());
		model.addAttribute("canEdit", ClientManagement.mayEdit(me));
		if (tab == ClientTab.CONTACTS) {
			model.addAttribute("contacts", clients.contacts(me, client.id()));
		}
		return "client/detail";
	}
}
