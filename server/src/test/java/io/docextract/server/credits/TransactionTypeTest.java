package io.docextract.server.credits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionTypeTest {

    @ParameterizedTest
    @CsvSource({
        "PURCHASE, 10, 10, 10, 0",
        "GRANT, 10, 10, 10, 0",
        "USAGE, 3, -3, 0, 3",
        "REFUND, 3, 3, 0, -3",
        "ADJUSTMENT, -7, -7, 0, 0",
        "ADJUSTMENT, 7, 7, 0, 0"
    })
    void eachTypeMovesBalanceAndTotals(TransactionType type, long amount, long balance, long purchased, long used) {
        assertThat(type.balanceChange(amount)).isEqualTo(balance);
        assertThat(type.purchasedChange(amount)).isEqualTo(purchased);
        assertThat(type.usedChange(amount)).isEqualTo(used);
    }
}
