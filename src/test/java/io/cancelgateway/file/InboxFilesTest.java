package io.cancelgateway.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The inbox reads CSV files only, by the name's ending in any case. */
class InboxFilesTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
            "orders.csv, true",
            "ORDERS.CSV, true",
            "orders.Csv, true",
            "a.csv, true",
            "orders.csv.part, false",
            "orders.csv.tmp, false",
            "orders.txt, false",
            "orderscsv, false",
            "csv, false",
            "x, false",
    })
    void readsCsvFilesOnly(String name, boolean read) {
        assertThat(InboxFiles.isCsv(name)).isEqualTo(read);
    }
}
