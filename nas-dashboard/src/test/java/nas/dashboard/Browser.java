package nas.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its ChromeDriver (installed by scripts/browser.sh). Without
 * them the browser tests are skipped, unless {@code CI=true}, where that is a failure.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(env("NAS_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(env("NAS_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The window's size at start. */
    static final int WIDTH = 1400;
    static final int HEIGHT = 1000;

    public final ChromeDriver driver;
    private final Path profile;
    private boolean cutOff;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test when Chromium is missing (fails it under CI=true). */
    public static void assumeAvailable() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            Assertions.fail("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: run scripts/browser.sh");
        }
        Assumptions.assumeTrue(present, "no " + CHROMIUM + " / " + CHROMEDRIVER + " (scripts/browser.sh installs them)");
    }

    /** A fresh browser with an empty profile. */
    public static Browser start() {
        assumeAvailable();
        try {
            Path profile = Files.createTempDirectory("nas-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=" + WIDTH + "," + HEIGHT, "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Back to the state {@link #start} gives, for the next test of a class that shares one browser
     * (a launch costs seconds of CPU): a blank page, no cookies, the start window size, on the network.
     */
    public void reset() {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        if (cutOff) {
            driver.deleteNetworkConditions();
            cutOff = false;
        }
    }

    /**
     * Cuts this browser off the network until {@link #reset}: every http(s) request fails, loopback included, while
     * file: pages still load.
     */
    public void offline() {
        ChromiumNetworkConditions none = new ChromiumNetworkConditions();
        none.setOffline(true);
        driver.setNetworkConditions(none);
        cutOff = true;
    }

    /** Opens {@code url} and waits until the page script says it has drawn ({@code body[data-ready]}). */
    public void open(String url) {
        driver.get(url);
        waitFor("document.body.dataset.ready === 'true'", Duration.ofSeconds(60));
    }

    /** Waits until a JavaScript expression is true. */
    public void waitFor(String expression, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> Boolean.TRUE.equals(js("return !!(" + expression + ");")));
    }

    /**
     * The text of the element with this id, read in one script call: live pages re-render parts every second,
     * so a WebElement found in one call may be stale in the next.
     */
    public String text(String id) {
        return (String) js("const e = document.getElementById(arguments[0]); return e === null ? null : e.textContent;", id);
    }

    /** How many elements match a CSS selector now. */
    public int count(String css) {
        return ((Number) js("return document.querySelectorAll(arguments[0]).length;", css)).intValue();
    }

    /** Clicks the first element matching a CSS selector whose text is {@code text}, in one script call. */
    public void clickText(String css, String text) {
        Object clicked = js("const e = [...document.querySelectorAll(arguments[0])].find(x => x.textContent === arguments[1]);"
                + " if (e) { e.click(); } return !!e;", css, text);
        if (!Boolean.TRUE.equals(clicked)) {
            throw new AssertionError("no " + css + " with text " + text);
        }
    }

    public Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** The option of a chart (ECharts instance by id), as the browser holds it. */
    @SuppressWarnings("unchecked")
    public List<Object> series(String chartId) {
        return (List<Object>) js("return window.nasCharts[arguments[0]].getOption().series;", chartId);
    }

    /**
     * Every text a reader sees now: the page's rendered text nodes (scripts and hidden elements left out) and the
     * texts the charts draw on their canvases, each trimmed.
     */
    @SuppressWarnings("unchecked")
    public List<String> visibleTexts() {
        return (List<String>) js("""
                const out = [];
                const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = walk.nextNode(); n; n = walk.nextNode()) {
                  const p = n.parentElement;
                  if (!n.textContent.trim() || p.closest('script, style') || p.getClientRects().length === 0
                      || getComputedStyle(p).visibility === 'hidden') continue;
                  out.push(n.textContent.trim());
                }
                for (const c of Object.values(window.nasCharts || {})) {
                  for (const e of c.getZr().storage.getDisplayList(true)) {
                    if (e.type === 'tspan' && !e.invisible && e.style.text) out.push(String(e.style.text).trim());
                  }
                }
                return out;""");
    }

    /**
     * The texts the charts on the page draw (axis names, tick labels, legends, titles) that do not lie wholly inside
     * their chart's canvas, which cuts them off: "chart-id: text at x,y,w,h" (canvas pixels), none when every text shows.
     */
    @SuppressWarnings("unchecked")
    public List<String> chartTextsCutOff() {
        return (List<String>) js("""
                const out = [];
                for (const [id, c] of Object.entries(window.nasCharts || {})) {
                  if (c.isDisposed() || !c.getDom().isConnected) continue;
                  const w = c.getWidth(), h = c.getHeight();
                  if (w === 0 || h === 0) continue;
                  for (const e of c.getZr().storage.getDisplayList(true)) {
                    if (e.type !== 'tspan' || e.invisible || !e.style.text) continue;
                    // the glyphs' box from the span's own anchor and alignment (a span's bounding rect is off for
                    // texts given a width, such as parallel axes' names)
                    const size = e.getBoundingRect();
                    const align = e.style.textAlign;
                    const base = e.style.textBaseline;
                    const r = size.clone();
                    r.x = e.style.x - (align === 'center' ? size.width / 2 : align === 'right' || align === 'end' ? size.width : 0);
                    r.y = e.style.y - (base === 'middle' ? size.height / 2 : base === 'bottom' ? size.height : 0);
                    const m = e.getComputedTransform();
                    if (m) r.applyTransform(m);
                    if (r.x < -0.5 || r.y < -0.5 || r.x + r.width > w + 0.5 || r.y + r.height > h + 0.5) {
                      out.push(id + ': ' + e.style.text + ' at ' + [r.x, r.y, r.width, r.height].map(Math.round).join(','));
                    }
                  }
                }
                return out;""");
    }

    /** Saves a PNG of the window under target/screenshots. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A full-page PNG: the window grown to the page's height first. */
    public Path fullScreenshot(String name) {
        return grownScreenshot(name, WIDTH);
    }

    /** A full-page PNG in a window this wide: the page laid out at that width, then the window grown to its height. */
    public Path fullScreenshot(String name, int width) {
        resize(width, HEIGHT);
        return grownScreenshot(name, width);
    }

    private Path grownScreenshot(String name, int width) {
        Number height = (Number) js("return document.documentElement.scrollHeight;");
        return screenshot(name, width, Math.min(6000, height.intValue() + 40));
    }

    /** A PNG of the top of the page in a window of this size. */
    public Path screenshot(String name, int width, int height) {
        resize(width, height);
        return screenshot(name);
    }

    /** Sets the window's size and lets the page lay itself out again (the charts redraw on resize). */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        js("window.dispatchEvent(new Event('resize'));");
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover profile in the temp directory is harmless
        }
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }
}
