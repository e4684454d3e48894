package io.quarry.spring.it;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.mapping.Version;

/** An account with a version, for optimistic locking. */
@Entity
@Table(name = "spring_account")
public class Account {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 40)
    private String owner;

    private long balance;

    @Version
    private long version;

    public Account() {
    }

    public Account(String owner, long balance) {
        this.owner = owner;
        this.balance = balance;
    }

    public Long getId() {
        return id;
    }

    public long getBalance() {
        return balance;
    }

    public void setBalance(long balance) {
        this.balance = balance;
    }

    public long getVersion() {
        return version;
    }
}
