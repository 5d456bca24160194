package org.cometmq.test.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.cometmq.test.harness.TestEnvironment;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (both installed by {@code .ci/run}); never Selenium
 * Manager's download. Screenshots go to {@code test/target/dashboard-screenshots/}.
 */
final class DashboardBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path screenshots;

    private DashboardBrowser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    static DashboardBrowser start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the dashboard tests need Debian's chromium and chromium-driver ("
                + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver, as .ci/run does");
        }
        Path profile = TestEnvironment.newWorkDir("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        Path screenshots = TestEnvironment.buildDir().resolve("dashboard-screenshots");
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DashboardBrowser(new ChromeDriver(service, options), screenshots);
    }

    /** Loads the page afresh (a change of the hash alone would keep the previous page's state). */
    void open(String url) {
        driver.get(url);
        driver.navigate().refresh();
    }

    WebElement find(String id) {
        return until(d -> {
            List<WebElement> found = d.findElements(By.id(id));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    void type(String id, String text) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(text);
    }

    void click(String id) {
        until(d -> {
            find(id).click();
            return true;
        });
    }

    /** Waits until the element's text satisfies the condition, and returns it. */
    String textWhen(String id, java.util.function.Predicate<String> condition) {
        return until(d -> {
            List<WebElement> found = d.findElements(By.id(id));
            String text = found.isEmpty() ? null : found.get(0).getText();
            return text != null && condition.test(text) ? text : null;
        });
    }

    /** Clicks the first row of a table whose text contains {@code text}, once it is there. */
    void clickRow(String tableId, String text) {
        until(d -> {
            for (WebElement row : d.findElements(By.cssSelector("#" + tableId + " tbody tr"))) {
                if (row.getText().contains(text)) {
                    row.click();
                    return true;
                }
            }
            return null;
        });
    }

    <T> T until(Function<WebDriver, T> condition) {
        // the page re-renders its tables every few seconds, so an element found a moment ago may be gone
        try {
            return new WebDriverWait(driver, WAIT, Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            Path shot = screenshot("timeout-" + System.currentTimeMillis());
            List<WebElement> error = driver.findElements(By.id("error"));
            String shown = error.isEmpty() ? "" : error.get(0).getText();
            throw new AssertionError("the page did not get there in " + WAIT.toSeconds() + " s; its error line: '"
                + shown + "'; screenshot " + shot, e);
        }
    }

    /** Saves what the page shows now as {@code name.png} and returns the file. */
    Path screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = screenshots.resolve(name + ".png");
        try {
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
