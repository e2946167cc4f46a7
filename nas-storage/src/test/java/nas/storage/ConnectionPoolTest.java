package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A limited pool lends at most its limit of connections; a borrower beyond it waits for one to come back. */
class ConnectionPoolTest {

    private static ConnectionPool pool(String name, int limit, Duration wait) {
        return new ConnectionPool("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", new Properties(), c -> { }, limit, wait);
    }

    @Test
    void aBorrowerBeyondTheLimitGetsTheConnectionGivenBack() throws Exception {
        try (ConnectionPool pool = pool("limit", 2, Duration.ofSeconds(60))) {
            Connection a = pool.borrow();
            Connection b = pool.borrow();
            assertThat(a).isNotSameAs(b);
            CompletableFuture<Connection> third = CompletableFuture.supplyAsync(() -> {
                try {
                    return pool.borrow();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(200);
            assertThat(third).as("no third connection while two are lent").isNotDone();
            pool.giveBack(b, true);
            assertThat(third.get(60, TimeUnit.SECONDS)).isSameAs(b);
            assertThat(pool.mostInUse()).isEqualTo(2);
            pool.giveBack(a, true);
            pool.giveBack(b, true);
        }
    }

    @Test
    void aBrokenConnectionFreesItsPlace() throws Exception {
        try (ConnectionPool pool = pool("broken", 1, Duration.ofSeconds(60))) {
            Connection a = pool.borrow();
            pool.giveBack(a, false);
            Connection b = pool.borrow();
            assertThat(b).isNotSameAs(a);
            assertThat(a.isClosed()).isTrue();
            pool.giveBack(b, true);
            assertThat(pool.mostInUse()).isEqualTo(1);
        }
    }

    @Test
    void waitingLongerThanAllowedIsATransientFailure() throws Exception {
        try (ConnectionPool pool = pool("busy", 1, Duration.ofMillis(100))) {
            Connection a = pool.borrow();
            assertThatThrownBy(pool::borrow).isInstanceOf(SQLException.class)
                    .hasMessageContaining("all 1 database connections stayed busy")
                    .satisfies(e -> assertThat(JdbcErrors.isTransient((SQLException) e)).isTrue());
            pool.giveBack(a, true);
        }
    }

    @Test
    void withoutALimitEveryConcurrentBorrowerGetsItsOwnConnection() throws Exception {
        try (ConnectionPool pool = new ConnectionPool("jdbc:h2:mem:free;DB_CLOSE_DELAY=-1", new Properties(), c -> { })) {
            Connection[] lent = new Connection[5];
            for (int i = 0; i < lent.length; i++) {
                lent[i] = pool.borrow();
            }
            assertThat(pool.mostInUse()).isEqualTo(5);
            for (Connection c : lent) {
                pool.giveBack(c, true);
            }
        }
    }
}
