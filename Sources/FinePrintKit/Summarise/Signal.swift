/// How a summary's point or answer reads for the person asked to accept the terms, as every
/// summary format colours it: `red` bad news (a risk of severity error), `amber` a risk or a
/// worrying silence, `green` good news (a protection), `neutral` a fact or a harmless silence.
/// Written in JSON as its name.
public enum Signal: String, Codable, Sendable, CaseIterable {
  case red, amber, green, neutral
}
