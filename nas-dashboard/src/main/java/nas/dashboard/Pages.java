package nas.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages' HTML and static files. Every page is the same small shell; {@code dashboard.js} builds it
 * from the JSON API (live) or from data embedded in the file (report). No user string is ever put into
 * HTML on the server: the script inserts them as text.
 */
final class Pages {

    /** Scripts only from the dashboard itself; ECharts sets inline styles, so styles may be inline. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final Map<String, byte[]> ASSETS = new ConcurrentHashMap<>();

    private Pages() {
    }

    /** A live page ({@code studies}, {@code study}, {@code trial} or {@code run}) under {@code base}. */
    static String live(String page, String base) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>NAS dashboard</title>"
                + "<link rel=\"stylesheet\" href=\"" + base + "/static/dashboard.css\"></head>\n"
                + "<body data-page=\"" + page + "\" data-base=\"" + base + "\"><div id=\"app\"></div>\n"
                + "<script src=\"" + base + "/static/echarts.min.js\"></script>\n"
                + "<script src=\"" + base + "/static/dashboard.js\"></script>\n</body></html>\n";
    }

    /**
     * A self-contained page: styles, the chart library, the page script and {@code data} (the API answers the
     * page asks for, as JSON) inlined, so it opens offline from a file.
     */
    static String report(String dataJson) {
        StringBuilder sb = new StringBuilder(1_400_000 + dataJson.length());
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>NAS report</title><style>\n").append(text("dashboard.css")).append("</style></head>\n")
                .append("<body data-page=\"study\" data-base=\"\"><div id=\"app\"></div>\n")
                .append("<script>window.NAS_REPORT = ").append(scriptSafe(dataJson)).append(";</script>\n")
                .append("<script>\n").append(scriptSafe(text("echarts.min.js"))).append("\n</script>\n")
                .append("<script>\n").append(scriptSafe(text("dashboard.js"))).append("\n</script>\n</body></html>\n");
        return sb.toString();
    }

    /**
     * Text that may sit inside a script element: a {@code </} could end the element early, so its slash is
     * escaped ({@code <\/} means the same in JavaScript strings, regular expressions and JSON strings).
     */
    static String scriptSafe(String js) {
        return js.replace("</", "<\\/").replace("<!--", "<\\!--");
    }

    static byte[] asset(String name) {
        String resource = switch (name) {
            case "dashboard.js", "dashboard.css" -> "nas/dashboard/web/" + name;
            case "echarts.min.js" -> ECHARTS;
            default -> null;
        };
        if (resource == null) {
            return null;
        }
        return ASSETS.computeIfAbsent(name, n -> {
            // Own assets through the class (on the module path a loader does not hand out a module's resources
            // in a package it does not open); ECharts, in another jar under META-INF, through the loader.
            try (InputStream in = resource.startsWith("META-INF/")
                    ? Pages.class.getClassLoader().getResourceAsStream(resource)
                    : Pages.class.getResourceAsStream("/" + resource)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + resource + " is missing from the class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static String contentType(String name) {
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return name.endsWith(".svg") ? "image/svg+xml" : "application/octet-stream";
    }

    private static String text(String name) {
        return new String(asset(name), StandardCharsets.UTF_8);
    }
}
