package org.plateautrace.model.registry;

public record Product(long id, long partyId, ProductInfo info) {
}
