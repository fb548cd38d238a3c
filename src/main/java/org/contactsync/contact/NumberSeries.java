package org.contactsync.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * A Business Central number series (No. Series + No. Series Line in one row): the next number is the last number
 * used with its trailing digits increased by the increment, keeping their width (CT000010 → CT000020). Callers
 * hold a row lock while they take a number, so two transactions never get the same one.
 */
@Entity
@Table(name = "number_series")
public class NumberSeries {

    /** The series that numbers contacts (Marketing Setup "Contact Nos."). */
    public static final String CONTACT = "CONTACT";

    private static final Pattern TRAILING_DIGITS = Pattern.compile("(\\d+)$");

    @Id
    private String code;

    @Column(name = "starting_no")
    private String startingNo;

    @Column(name = "last_no_used")
    private String lastNoUsed = "";

    @Column(name = "increment_by")
    private int incrementBy = 1;

    protected NumberSeries() {
    }

    public NumberSeries(String code, String startingNo, String lastNoUsed, int incrementBy) {
        this.code = code;
        this.startingNo = startingNo;
        this.lastNoUsed = lastNoUsed;
        this.incrementBy = incrementBy;
    }

    /** Takes the next number and records it as used. */
    public String takeNext() {
        lastNoUsed = lastNoUsed.isEmpty() ? startingNo : increment(lastNoUsed, incrementBy);
        return lastNoUsed;
    }

    public String getLastNoUsed() {
        return lastNoUsed;
    }

    /** Increases the trailing number of {@code no}, keeping its width as long as the digits fit. */
    static String increment(String no, int by) {
        var digits = TRAILING_DIGITS.matcher(no);
        if (!digits.find()) {
            throw new IllegalStateException("Number " + no + " has no digits to increase");
        }
        var width = digits.group(1).length();
        var next = new BigInteger(digits.group(1)).add(BigInteger.valueOf(by)).toString();
        var padded = "0".repeat(Math.max(0, width - next.length())) + next;
        return no.substring(0, digits.start(1)) + padded;
    }
}
