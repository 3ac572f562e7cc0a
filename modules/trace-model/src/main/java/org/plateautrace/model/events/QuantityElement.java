package org.plateautrace.model.events;

import java.math.BigDecimal;

/** EPCIS quantityElement: an amount of a class of goods (here: a lot, as a GS1 Digital Link with AI 10). */
public record QuantityElement(String epcClass, BigDecimal quantity, String uom) {
}
