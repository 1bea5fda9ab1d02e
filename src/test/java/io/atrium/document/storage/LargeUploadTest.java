package io.atrium.document.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 300 MiB in and out through a 64 MiB heap: nothing is ever held whole. */
class LargeUploadTest {

	@TempDir
	Path data;

	@Test
	void streamsAFileMuchLargerThanTheHeap() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var process = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				LargeUploadMain.class.getName(), data.resolve("documents").toString(),
				String.valueOf(300L * 1024 * 1024)).redirectErrorStream(true).start();
		// read the output as it comes, so that a chatty child never blocks on a full pipe
		var output = new StringBuilder();
		var reader = new Thread(() -> {
			try (var in = process.getInputStream()) {
				output.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (java.io.IOException ex) {
				output.append(ex);
			}
		});
		reader.start();

		boolean finished = process.waitFor(120, TimeUnit.SECONDS);
		if (!finished) {
			process.destroyForcibly();
		}
		reader.join(5000);

		System.out.println(output);
		assertThat(finished).as("finished in time").isTrue();
		assertThat(process.exitValue()).as(output.toString()).isZero();
		assertThat(output).contains("size=314572800");
	}
}
