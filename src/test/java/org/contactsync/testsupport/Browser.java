package org.contactsync.testsupport;

import java.io.File;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with the paths given explicitly so that Selenium Manager never
 * tries to download a browser or driver, and the networking flags this closed machine needs.
 */
public final class Browser implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /**
     * Between two tries of a wait. Selenium's default is 500 ms, and a page's Ajax answer comes within about 100 ms
     * here, so every wait that had to try twice lost up to half a second; the walks wait like that a few hundred
     * times.
     */
    private static final Duration BETWEEN_TRIES = Duration.ofMillis(100);

    private final WebDriver driver;
    private final URL base;

    public Browser(URL base, String language) {
        this(base, language, java.util.TimeZone.getDefault().getID());
    }

    /** A browser whose clock runs in {@code timeZone} (an IANA id), as a person's in another country does. */
    public Browser(URL base, String language, String timeZone) {
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000", "--lang=" + language);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .withEnvironment(java.util.Map.of("TZ", timeZone))
                .build();
        this.driver = new ChromeDriver(service, options);
        this.base = base;
    }

    public WebDriver driver() {
        return driver;
    }

    /** A wait of the browser's patience (20 s) that tries every 100 ms. */
    public WebDriverWait await() {
        return new WebDriverWait(driver, PATIENCE, BETWEEN_TRIES);
    }

    public void open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    /** An element whose client id ends with {@code :id} or is {@code id} (JSF prefixes ids with the form's). */
    public WebElement byId(String id) {
        return await().until(ExpectedConditions.visibilityOfElementLocated(idSelector(id)));
    }

    public static By idSelector(String id) {
        return By.cssSelector("[id='" + id + "'], [id$=':" + id + "']");
    }

    public void type(String id, String text) {
        var input = byId(id);
        input.clear();
        input.sendKeys(text);
    }

    public void click(String id) {
        await().until(ExpectedConditions.elementToBeClickable(idSelector(id))).click();
    }

    /**
     * Waits until the element, found anew at each try, shows the text. While a page is being replaced Chromium may
     * answer a read of an element of the old page with "unknown error: Node with given id does not belong to the
     * document" instead of a stale element, so any WebDriver error of one try only means "not yet".
     */
    public void waitForText(By where, String text) {
        await().ignoring(WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(where, text));
    }

    public void waitForText(String id, String text) {
        waitForText(idSelector(id), text);
    }

    /**
     * Chooses {@code file} in the auto-uploading {@code p:fileUpload} {@code uploadId}, waits until {@code resultId}
     * shows {@code resultText} and then until the widget has let go of the file. The widget fades the file's row out
     * after the page is updated, and everything below moves up when the row goes (the Import button of Import
     * Employees by 68 px), so a click at that moment lands where the button was: it failed a CI run that way.
     */
    public void upload(String uploadId, Path file, String resultId, String resultText) {
        await().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input[type='file'][id$='" + uploadId + "_input']")))
                .sendKeys(file.toAbsolutePath().toString());
        waitForText(resultId, resultText);
        await().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".ui-fileupload-row"), 0));
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public void signIn(String user, String password) {
        open("/login.xhtml");
        type("username", user);
        type("password", password);
        click("signIn");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
