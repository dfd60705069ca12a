package org.workrelief.attendance;

import java.math.BigDecimal;

/** Whether a sign-in position lies within the worksite's radius (great-circle distance). */
final class Worksite {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private Worksite() {
    }

    static double distanceMetres(BigDecimal lat1, BigDecimal lng1, BigDecimal lat2, BigDecimal lng2) {
        double phi1 = Math.toRadians(lat1.doubleValue());
        double phi2 = Math.toRadians(lat2.doubleValue());
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lng2.doubleValue() - lng1.doubleValue());
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(a));
    }

    /** Outside only when both the site and the sign-in have coordinates and the distance exceeds the radius. */
    static boolean isOutside(BigDecimal siteLat, BigDecimal siteLng, Integer radiusMetres, BigDecimal lat, BigDecimal lng) {
        if (siteLat == null || siteLng == null || radiusMetres == null || lat == null || lng == null) {
            return false;
        }
        return distanceMetres(siteLat, siteLng, lat, lng) > radiusMetres;
    }
}
