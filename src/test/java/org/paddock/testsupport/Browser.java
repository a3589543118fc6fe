package org.paddock.testsupport;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}), never a
 * downloaded one. {@code .ci/run} installs both.
 */
public final class Browser {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    public static WebDriver start() {
        for (String path : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!new File(path).canExecute()) {
                throw new IllegalStateException(path + " is missing: install Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver, as .ci/run does)");
            }
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("paddock-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                        "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * What the browser's console said about the Content-Security-Policy since the last call: Chromium logs every
     * blocked script, style, frame or connection as a SEVERE message ("Refused to …", or in newer versions "… violates
     * the following Content Security Policy directive …").
     */
    public static List<String> cspViolations(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                .toList();
    }

    /** Saves what the browser shows to target/screenshots/{name}.png and returns the file. */
    public static Path screenshot(WebDriver driver, String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = TestPaths.screenshots().resolve(name + ".png");
        try {
            return Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
