package io.cancelgateway.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** A results file of the CSV inbox channel, read back to check it answers every row, in order. */
final class ResultsFile {

    private ResultsFile() {
    }

    /** How many rows came back numbered 1, 2, 3... in order, and their outcomes. */
    record Summary(int rowsInOrder, int rows, Map<String, Integer> outcomes) {

        /** Rows of {@code expected} missing from the results or not cancelled. */
        int errors(int expected) {
            return expected - rows + (rows - outcomes.getOrDefault("CANCELLED", 0));
        }

        /** Every one of {@code expected} rows answered, in order, and cancelled. */
        boolean complete(int expected) {
            return rows == expected && rowsInOrder == rows && errors(expected) == 0;
        }

        String describe() {
            return rows + " result rows, " + rowsInOrder + " in order, outcomes " + outcomes;
        }
    }

    static Summary summarize(Path results) throws IOException {
        int inOrder = 0;
        int rows = 0;
        Map<String, Integer> outcomes = new TreeMap<>();
        try (Reader reader = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                rows++;
                if (record.get("row").equals(String.valueOf(rows))) {
                    inOrder++;
                }
                outcomes.merge(record.get("outcome"), 1, Integer::sum);
            }
        }
        return new Summary(inOrder, rows, outcomes);
    }
}
