package io.quarry.spring.retry;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;

/** A doctor's duty: on call or not, and shifts taken; for the retry tests. */
@Entity
@Table(name = "retry_duty")
public class Duty {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 40)
    private String doctor;

    private boolean onCall;

    private int shifts;

    public Duty() {
    }

    public Duty(String doctor, boolean onCall) {
        this.doctor = doctor;
        this.onCall = onCall;
    }

    public Long getId() {
        return id;
    }

    public String getDoctor() {
        return doctor;
    }

    public boolean isOnCall() {
        return onCall;
    }

    public void setOnCall(boolean onCall) {
        this.onCall = onCall;
    }

    public int getShifts() {
        return shifts;
    }

    public void addShifts(int count) {
        shifts += count;
    }
}
