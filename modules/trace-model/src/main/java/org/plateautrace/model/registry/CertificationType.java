package org.plateautrace.model.registry;

/** 三品一标 (pollution-free, green food, organic, geographic indication) and the licences that go with them. */
public enum CertificationType {
    POLLUTION_FREE, GREEN_FOOD, ORGANIC, GEOGRAPHIC_INDICATION, FOOD_PRODUCTION_LICENCE, GMP, HACCP, ISO22000, OTHER
}
