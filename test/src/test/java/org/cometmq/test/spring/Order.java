package org.cometmq.test.spring;

import java.util.Objects;

/** The POJO payload both applications send and receive as JSON. */
public class Order {
    private String id;
    private String item;
    private int quantity;

    public Order() {
    }

    public Order(String id, String item, int quantity) {
        this.id = id;
        this.item = item;
        this.quantity = quantity;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getItem() {
        return item;
    }

    public void setItem(String item) {
        this.item = item;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Order other && Objects.equals(id, other.id) && Objects.equals(item, other.item)
            && quantity == other.quantity;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, item, quantity);
    }

    @Override
    public String toString() {
        return "Order{" + id + ", " + item + ", " + quantity + "}";
    }
}
