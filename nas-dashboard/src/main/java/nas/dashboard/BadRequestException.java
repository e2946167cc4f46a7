package nas.dashboard;

/** A request the dashboard cannot answer as asked (HTTP 400 with the message). */
final class BadRequestException extends RuntimeException {
    BadRequestException(String message) {
        super(message);
    }
}
