package io.atrium;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.atrium.staff.StaffFixtures;

/**
 * A full application driven by a real browser: Debian's headless Chromium and ChromeDriver, one browser per test
 * class, cookies cleared before each test. Without Chromium the tests are skipped, except in CI ({@code CI=true}),
 * where they fail. A failed test leaves a screenshot (and the page's HTML) in {@code target/screenshots}.
 */
@ExtendWith({ BrowserTest.RequiresChromium.class, BrowserTest.ScreenshotOnFailure.class })
public abstract class BrowserTest extends AtriumIntegrationTest {

	static final String CHROMIUM = "/usr/bin/chromium";
	static final String CHROMEDRIVER = "/usr/bin/chromedriver";
	private static final Duration WAIT = Duration.ofSeconds(10);

	private static WebDriver driver;
	private static Path profile;

	@BeforeAll
	static void startBrowser() throws IOException {
		var missing = missingBrowser();
		if (missing != null) {
			// Only in CI: elsewhere RequiresChromium has skipped the class.
			throw new IllegalStateException(missing + " (required in CI)");
		}
		profile = Files.createTempDirectory("atrium-chromium-");
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--window-size=1280,900", "--user-data-dir=" + profile);
		var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	static void quitBrowser() throws IOException {
		if (driver != null) {
			try {
				driver.quit();
			}
			finally {
				driver = null;
			}
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			profile = null;
		}
	}

	/** Before (not after) each test, so that a failed test's page is still there for its screenshot. */
	@BeforeEach
	void clearBrowser() {
		clearCookies();
	}

	protected WebDriver browser() {
		return driver;
	}

	/**
	 * Signs a staff member in on the firm's sign-in page (password {@link StaffFixtures#PASSWORD}) and
	 * waits for the home page, so that the next {@link #open} does not race the sign-in's redirect.
	 */
	protected void signInAsStaff(String email) {
		open("/signin");
		type(By.id("email"), email);
		type(By.id("password"), StaffFixtures.PASSWORD);
		click(By.cssSelector("form button.primary"));
		waitForText(By.tagName("h1"), "Hello");
	}

	/** Opens a path of the application under test, e.g. {@code open("/signin")}. */
	protected void open(String path) {
		driver.get(url(path));
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** Forgets the session: as if another person used the browser. */
	protected void clearCookies() {
		if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith("http")) {
			driver.manage().deleteAllCookies();
		}
	}

	/** Waits until the element is visible and returns it. */
	protected WebElement waitFor(By locator) {
		return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/** Waits until the element shows the text (somewhere in it) and returns it. */
	protected WebElement waitForText(By locator, String text) {
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(locator, text));
		return driver.findElement(locator);
	}

	/**
	 * Waits up to 10 s; on time-out, says which page the browser is on and what problems it shows. An element that
	 * went stale while the condition looked at it (the page was replaced in between) is looked up again.
	 */
	protected <T> T waitUntil(ExpectedCondition<T> condition) {
		try {
			return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
		}
		catch (TimeoutException e) {
			var problems = driver.findElements(By.cssSelector(".problem, .field-error"))
				.stream()
				.map(WebElement::getText)
				.toList();
			throw new TimeoutException("On " + driver.getCurrentUrl() + " (\"" + driver.getTitle() + "\", problems shown: "
					+ problems + "): " + e.getRawMessage(), e);
		}
	}

	/** Replaces the field's content with the text. */
	protected void type(By locator, String text) {
		var field = waitFor(locator);
		field.clear();
		field.sendKeys(text);
	}

	protected void click(By locator) {
		waitUntil(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	/** What is missing to run browser tests, or null. */
	static String missingBrowser() {
		for (var program : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!Files.isExecutable(Path.of(program))) {
				return program + " is missing: install Debian's chromium and chromium-driver packages to run the "
						+ "browser tests";
			}
		}
		return null;
	}

	/**
	 * Without Chromium (and outside CI) the class is skipped before its application starts, and is reported as
	 * skipped, with the reason. In CI it runs, and fails in {@link #startBrowser()}.
	 */
	static final class RequiresChromium implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			var missing = missingBrowser();
			return missing == null || TestDatabase.inCi() ? ConditionEvaluationResult.enabled("Chromium is installed")
					: ConditionEvaluationResult.disabled(missing);
		}
	}

	/** The directory Maven builds into: {@code -Datrium.build.dir=...} when given, else {@code target}. */
	static Path buildDirectory() {
		var configured = System.getProperty("atrium.build.dir");
		return Path.of(configured == null || configured.isBlank() ? "target" : configured);
	}

	/** Saves {@code <Class>-<method>.png} and {@code .html} of the page the failed test left the browser on. */
	static final class ScreenshotOnFailure implements TestWatcher {

		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (!(driver instanceof ChromeDriver chrome)) {
				return;
			}
			var name = context.getRequiredTestClass().getSimpleName() + "-"
					+ context.getTestMethod().map(m -> m.getName()).orElse("unknown");
			var folder = buildDirectory().resolve("screenshots");
			try {
				Files.createDirectories(folder);
				var png = folder.resolve(name + ".png");
				Files.write(png, chrome.getScreenshotAs(OutputType.BYTES));
				Files.writeString(folder.resolve(name + ".html"),
						"<!-- " + chrome.getCurrentUrl() + " -->\n" + chrome.getPageSource(), StandardCharsets.UTF_8);
				System.err.println("Screenshot of the failed test: " + png.toAbsolutePath());
			}
			catch (IOException | RuntimeException e) {
				System.err.println("Could not save a screenshot of " + name + ": " + e);
			}
		}
	}
}
