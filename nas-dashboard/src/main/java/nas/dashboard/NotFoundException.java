package nas.dashboard;

/** Something the request names that the storage does not hold (HTTP 404 with the message). */
final class NotFoundException extends RuntimeException {
    NotFoundException(String message) {
        super(message);
    }
}
