package org.plateautrace.model.registry;

/** Kinds of organisation on the platform. */
public enum PartyKind {
    COOPERATIVE, ENTERPRISE, PROCESSOR, CARRIER, RETAILER, LAB, REGULATOR
}
