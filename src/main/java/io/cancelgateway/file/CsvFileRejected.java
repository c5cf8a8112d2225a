package io.cancelgateway.file;

/**
 * The file as a whole cannot be processed: it is not UTF-8 text or its header does not name the request columns. The
 * fault is the file's, so no row of it gets a result of its own.
 */
public class CsvFileRejected extends RuntimeException {

    public CsvFileRejected(String message) {
        super(message);
    }
}
