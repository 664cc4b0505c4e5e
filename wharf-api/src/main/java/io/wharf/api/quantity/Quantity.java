package io.wharf.api.quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact, immutable resource quantity such as "500m", "1Gi" or "1e3" (upstream's
 * {@code resource.Quantity}). It remembers the suffix family it was written in and prints in
 * upstream's canonical form; equality and ordering are by numeric value only.
 */
public final class Quantity implements Comparable<Quantity> {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final BigDecimal value;
    private final QuantityFormat format;
    /** The input string when upstream would print it back unchanged, else null. */
    private final String verbatim;

    Quantity(BigDecimal value, QuantityFormat format, String verbatim) {
        this.value = value;
        this.format = format;
        this.verbatim = verbatim;
    }

    /**
     * Parses a quantity. Throws {@link IllegalArgumentException} with upstream's message
     * (e.g. "quantities must match the regular expression '...'") when it is not one.
     * Whitespace is not trimmed; upstream's JSON decoding trims before parsing.
     */
    public static Quantity parse(String s) {
        return QuantityParser.parse(Objects.requireNonNull(s, "quantity"));
    }

    /** The exact value, written in {@code format}. */
    public static Quantity of(BigDecimal value, QuantityFormat format) {
        return new Quantity(Objects.requireNonNull(value, "value"), Objects.requireNonNull(format, "format"), null);
    }

    public static Quantity ofLong(long value, QuantityFormat format) {
        return of(BigDecimal.valueOf(value), format);
    }

    public static Quantity ofMilli(long milliValue, QuantityFormat format) {
        return of(BigDecimal.valueOf(milliValue, 3), format);
    }

    /** The sum, exact. It takes the format of {@code this} unless {@code this} is zero (as upstream's Add). */
    public Quantity add(Quantity other) {
        return new Quantity(value.add(other.value), isZero() ? other.format : format, null);
    }

    /** The difference, exact, formatted like {@link #add}. */
    public Quantity subtract(Quantity other) {
        return new Quantity(value.subtract(other.value), isZero() ? other.format : format, null);
    }

    public Quantity negate() {
        return new Quantity(value.negate(), format, null);
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public int signum() {
        return value.signum();
    }

    public BigDecimal toBigDecimal() {
        return value;
    }

    public QuantityFormat format() {
        return format;
    }

    /** The value in whole units, fractions rounded away from zero ("1500m" gives 2). */
    public long value() {
        return scaledValue(0);
    }

    /** The value in thousandths, fractions rounded away from zero ("1.0001" gives 1001). */
    public long milliValue() {
        return scaledValue(-3);
    }

    /**
     * The value in units of 10^scale, fractions rounded away from zero. Values beyond the range of
     * long saturate at Long.MIN_VALUE or Long.MAX_VALUE.
     */
    public long scaledValue(int scale) {
        BigDecimal shifted = value.scaleByPowerOfTen(-scale);
        // Decide saturation from the magnitude first so huge exponents are never expanded.
        if (shifted.signum() != 0 && shifted.precision() - shifted.scale() > 19) {
            return shifted.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        BigDecimal whole = shifted.setScale(0, RoundingMode.UP);
        if (whole.compareTo(LONG_MAX) > 0) {
            return Long.MAX_VALUE;
        }
        if (whole.compareTo(LONG_MIN) < 0) {
            return Long.MIN_VALUE;
        }
        return whole.longValueExact();
    }

    /** The string upstream serializes this quantity as. */
    public String canonical() {
        return verbatim != null ? verbatim : QuantityFormatter.canonical(value, format);
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && value.compareTo(q.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return canonical();
    }
}
