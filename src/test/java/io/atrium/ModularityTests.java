package io.atrium;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	/** The application's classes only: tests may reach across modules to set the scene. */
	private final ApplicationModules modules = ApplicationModules.of(AtriumApplication.class,
			DescribedPredicate.describe("test classes", (JavaClass type) -> type.getSource()
				.map(source -> source.getUri().toString().contains("test-classes"))
				.orElse(false)));

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		modules.verify();
	}

	/** Writes the module diagram and canvases into docs/modules (committed, so the docs show the current shape). */
	@Test
	void writesTheModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}
}
