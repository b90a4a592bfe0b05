package dev.strata.autoconfigure.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The table V1__create_greeting.sql creates, mapped for Hibernate to validate. */
@Entity
@Table(name = "greeting")
public class Greeting {

	@Id
	private Integer id;

	private String text;

	protected Greeting() {
	}

	public Integer getId() {
		return this.id;
	}

	public String getText() {
		return this.text;
	}

}
