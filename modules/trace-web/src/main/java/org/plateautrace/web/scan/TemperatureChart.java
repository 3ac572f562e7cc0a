package org.plateautrace.web.scan;

import static org.plateautrace.web.scan.Html.coord;
import static org.plateautrace.web.scan.Html.escape;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A small inline SVG line chart of one shipment's temperature readings against the allowed band: the band is a
 * shaded rectangle, excursions are red spans with a red dot at their worst reading, two time labels and the band
 * limits label the axes. Coordinates are rounded to one decimal and the line keeps at most {@value #MAX_POINTS}
 * points (the lowest and highest reading of each time bucket, so peaks survive).
 */
final class TemperatureChart {
    static final int MAX_POINTS = 200;
    static final int WIDTH = 320;
    static final int HEIGHT = 120;
    private static final double LEFT = 30;
    private static final double RIGHT = 314;
    private static final double TOP = 6;
    private static final double BOTTOM = 102;

    record Point(long t, double v) {
    }

    private TemperatureChart() {
    }

    /** The readings of a shipment that have a readable time and value, in time order. */
    static List<Point> readings(JsonObject shipment) {
        List<Point> points = new ArrayList<>();
        for (JsonObject r : Html.objects(Html.arr(shipment, "readings"))) {
            Instant at = Html.instant(Html.str(r, "t"));
            Double v = Html.num(r, "v");
            if (at != null && v != null) {
                points.add(new Point(at.toEpochMilli(), v));
            }
        }
        points.sort(Comparator.comparingLong(Point::t));
        return points;
    }

    /** At most {@code max} points: for each of max/2 time buckets its lowest and highest reading, in time order. */
    static List<Point> decimate(List<Point> points, int max) {
        if (points.size() <= max) {
            return points;
        }
        int buckets = Math.max(1, max / 2);
        List<Point> out = new ArrayList<>(max);
        int n = points.size();
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            if (from >= to) {
                continue;
            }
            int lo = from;
            int hi = from;
            for (int i = from + 1; i < to; i++) {
                if (points.get(i).v() < points.get(lo).v()) {
                    lo = i;
                }
                if (points.get(i).v() > points.get(hi).v()) {
                    hi = i;
                }
            }
            out.add(points.get(Math.min(lo, hi)));
            if (lo != hi) {
                out.add(points.get(Math.max(lo, hi)));
            }
        }
        return out;
    }

    /**
     * The SVG for a shipment, or null when it has no readable readings.
     *
     * @param min lower band limit or null; @param max upper band limit or null
     */
    static String render(JsonObject shipment, Double min, Double max, Labels l) {
        List<Point> all = readings(shipment);
        if (all.isEmpty()) {
            return null;
        }
        long t0 = all.get(0).t();
        long t1 = all.get(all.size() - 1).t();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Point p : all) {
            lo = Math.min(lo, p.v());
            hi = Math.max(hi, p.v());
        }
        double readLo = lo;
        double readHi = hi;
        if (min != null) {
            lo = Math.min(lo, min);
            hi = Math.max(hi, min);
        }
        if (max != null) {
            lo = Math.min(lo, max);
            hi = Math.max(hi, max);
        }
        double pad = Math.max((hi - lo) * 0.08, 0.5);
        Scale scale = new Scale(t0, t1, lo - pad, hi + pad);

        String title = l.t("cold.chart") + " " + Html.number(readLo) + "–" + Html.number(readHi) + " °C"
                + (min != null || max != null ? "; " + l.t("cold.band") + " " + band(min, max) : "");
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"").append(escape(title)).append("\">")
                .append("<title>").append(escape(title)).append("</title>");

        // allowed band
        if (min != null || max != null) {
            double top = max != null ? scale.y(max) : TOP;
            double bottom = min != null ? scale.y(min) : BOTTOM;
            svg.append("<rect class=\"band\" x=\"").append(coord(LEFT)).append("\" y=\"").append(coord(top))
                    .append("\" width=\"").append(coord(RIGHT - LEFT)).append("\" height=\"")
                    .append(coord(Math.max(0.5, bottom - top))).append("\" fill=\"#dcefdc\"/>");
        }
        // excursions
        StringBuilder dots = new StringBuilder();
        for (JsonObject ex : Html.objects(Html.arr(shipment, "excursions"))) {
            Instant start = Html.instant(Html.str(ex, "start"));
            if (start == null) {
                continue;
            }
            Instant endAt = Html.instant(Html.str(ex, "end"));
            long s = Math.max(t0, Math.min(t1, start.toEpochMilli()));
            long e = endAt == null ? t1 : Math.max(s, Math.min(t1, endAt.toEpochMilli()));
            double x0 = scale.x(s);
            double x1 = Math.max(scale.x(e), x0 + 2);
            if (x1 > RIGHT) {
                x0 = Math.max(LEFT, RIGHT - (x1 - x0));
                x1 = RIGHT;
            }
            svg.append("<rect class=\"ex\" x=\"").append(coord(x0)).append("\" y=\"").append(coord(TOP))
                    .append("\" width=\"").append(coord(x1 - x0)).append("\" height=\"").append(coord(BOTTOM - TOP))
                    .append("\" fill=\"#d32f2f\" fill-opacity=\".2\"/>");
            Point worst = worst(all, s, e, Html.str(ex, "direction"), min, max);
            if (worst != null) {
                dots.append("<circle class=\"exw\" cx=\"").append(coord(scale.x(worst.t()))).append("\" cy=\"")
                        .append(coord(scale.y(worst.v()))).append("\" r=\"2.5\" fill=\"#d32f2f\"/>");
            }
        }
        // axes
        svg.append("<path d=\"M").append(coord(LEFT)).append(' ').append(coord(TOP)).append("V").append(coord(BOTTOM))
                .append("H").append(coord(RIGHT)).append("\" stroke=\"#999\" fill=\"none\" stroke-width=\".5\"/>");
        // readings
        List<Point> line = decimate(all, MAX_POINTS);
        if (line.size() == 1) {
            Point p = line.get(0);
            svg.append("<circle cx=\"").append(coord(scale.x(p.t()))).append("\" cy=\"").append(coord(scale.y(p.v())))
                    .append("\" r=\"2\" fill=\"#1565c0\"/>");
        } else {
            svg.append("<polyline class=\"line\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" "
                    + "stroke-linejoin=\"round\" points=\"");
            String last = null;
            for (Point p : line) {
                String xy = coord(scale.x(p.t())) + "," + coord(scale.y(p.v()));
                if (!xy.equals(last)) {
                    if (last != null) {
                        svg.append(' ');
                    }
                    svg.append(xy);
                    last = xy;
                }
            }
            svg.append("\"/>");
        }
        svg.append(dots);
        // labels: band limits (or the measured range) on the left, first and last time below
        svg.append("<g font-size=\"9\" fill=\"#555\" text-anchor=\"end\">");
        double lastLabelY = Double.NaN;
        for (Double v : labelValues(min, max, readLo, readHi)) {
            double y = scale.y(v);
            if (!Double.isNaN(lastLabelY) && Math.abs(y - lastLabelY) < 9) {
                continue;
            }
            svg.append("<text x=\"").append(coord(LEFT - 3)).append("\" y=\"").append(coord(y + 3)).append("\">")
                    .append(escape(Html.number(v))).append("°</text>");
            lastLabelY = y;
        }
        svg.append("</g><g font-size=\"9\" fill=\"#555\"><text x=\"").append(coord(LEFT)).append("\" y=\"")
                .append(HEIGHT - 6).append("\">").append(Html.shortTime(t0)).append("</text>");
        if (t1 != t0) {
            svg.append("<text x=\"").append(coord(RIGHT)).append("\" y=\"").append(HEIGHT - 6)
                    .append("\" text-anchor=\"end\">").append(Html.shortTime(t1)).append("</text>");
        }
        svg.append("</g></svg>");
        return svg.toString();
    }

    private static List<Double> labelValues(Double min, Double max, double readLo, double readHi) {
        List<Double> values = new ArrayList<>();
        if (max != null) {
            values.add(max);
        }
        if (min != null) {
            values.add(min);
        }
        if (values.isEmpty()) {
            values.add(readHi);
            if (readLo != readHi) {
                values.add(readLo);
            }
        }
        return values;
    }

    /** The reading furthest out of the band within [s, e]: highest when above, lowest when below, else furthest out. */
    private static Point worst(List<Point> all, long s, long e, String direction, Double min, Double max) {
        Point worst = null;
        double worstOut = Double.NEGATIVE_INFINITY;
        for (Point p : all) {
            if (p.t() < s || p.t() > e) {
                continue;
            }
            double out;
            if ("above".equals(direction)) {
                out = p.v();
            } else if ("below".equals(direction)) {
                out = -p.v();
            } else {
                out = Math.max(max == null ? Double.NEGATIVE_INFINITY : p.v() - max,
                        min == null ? Double.NEGATIVE_INFINITY : min - p.v());
            }
            if (worst == null || out > worstOut) {
                worst = p;
                worstOut = out;
            }
        }
        return worst;
    }

    /** The band as text: "0–30 °C", "≤ -18 °C", "≥ 1 °C". */
    static String band(Double min, Double max) {
        if (min != null && max != null) {
            return Html.number(min) + "–" + Html.number(max) + " °C";
        }
        if (max != null) {
            return "≤ " + Html.number(max) + " °C";
        }
        if (min != null) {
            return "≥ " + Html.number(min) + " °C";
        }
        return "";
    }

    private record Scale(long t0, long t1, double lo, double hi) {
        double x(long t) {
            if (t1 == t0) {
                return (LEFT + RIGHT) / 2;
            }
            return LEFT + (RIGHT - LEFT) * (t - t0) / (double) (t1 - t0);
        }

        double y(double v) {
            return BOTTOM - (BOTTOM - TOP) * (v - lo) / (hi - lo);
        }
    }
}
