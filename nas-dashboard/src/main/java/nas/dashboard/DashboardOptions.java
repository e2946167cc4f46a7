package nas.dashboard;

import java.time.Duration;
import java.util.Objects;

/**
 * How a dashboard is mounted.
 *
 * @param basePath   path prefix of every page and API route ("" for the server's root, else e.g. "/dashboard")
 * @param token      the access token every page and API call must carry
 * @param allowWrite whether studies may be deleted from the UI (off by default: the dashboard only reads)
 * @param refresh    how old a study's cached snapshot may get before a request reads the storage again
 */
public record DashboardOptions(String basePath, AccessToken token, boolean allowWrite, Duration refresh) {

    public DashboardOptions {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(refresh, "refresh");
        basePath = basePath == null ? "" : basePath;
        if (!basePath.isEmpty() && (!basePath.startsWith("/") || basePath.endsWith("/"))) {
            throw new IllegalArgumentException("basePath must be empty or start with '/' and not end with it, but got '"
                    + basePath + "'");
        }
    }

    /** At the root, read-only, with this token, refreshing at most every half second. */
    public static DashboardOptions of(AccessToken token) {
        return new DashboardOptions("", token, false, Duration.ofMillis(500));
    }

    public DashboardOptions withAllowWrite(boolean allow) {
        return new DashboardOptions(basePath, token, allow, refresh);
    }

    public DashboardOptions withBasePath(String path) {
        return new DashboardOptions(path, token, allowWrite, refresh);
    }
}
