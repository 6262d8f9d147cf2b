import Testing
@testable import FinePrintKit

/// The summary's questions and contradictions name categories, rule IDs and facts; a renamed or
/// removed rule must fail here, not leave a question that can never be answered.
@Suite("Summary tables name what exists")
struct SummaryTablesTests {
  static let rules = try! TestSupport.engine().ruleSet

  static var evidence: [(where: String, evidence: SummaryQuestion.Evidence)] {
    SummaryQuestion.all.flatMap { q in
      [("\(q.id).yes", q.yes), ("\(q.id).weakYes", q.weakYes), ("\(q.id).partly", q.partly), ("\(q.id).no", q.no)]
    } + Summarizer.contradictions.enumerated().flatMap { n, pair in
      [("contradiction \(n + 1) promise", pair.promise), ("contradiction \(n + 1) exception", pair.exception)]
    }
  }

  @Test("Every category, rule ID and fact a question or a contradiction names exists")
  func namesExist() {
    let categories = Set(Category.all.map(\.id))
    let ruleIDs = Set(Self.rules.rules.map(\.id))
    let facts = Set(Self.rules.lexicons.map(\.name).filter { $0.hasPrefix(FactFinder.factPrefix) })
    for (place, evidence) in Self.evidence {
      for category in evidence.categories { #expect(categories.contains(category), "\(place): category \(category)") }
      for rule in evidence.rules + evidence.except { #expect(ruleIDs.contains(rule), "\(place): rule \(rule)") }
      for fact in evidence.facts { #expect(facts.contains(fact), "\(place): fact \(fact)") }
    }
  }

  @Test("An exception names a rule of the evidence's own categories")
  func exceptionsBelong() {
    for (place, evidence) in Self.evidence {
      for rule in evidence.except {
        let category = Self.rules.rules.first { $0.id == rule }?.category
        #expect(category.map(evidence.categories.contains) == true || evidence.rules.contains(rule), "\(place): \(rule)")
      }
    }
  }

  @Test("Question IDs are unique, and every question can be answered yes or no")
  func questions() {
    let ids = SummaryQuestion.all.map(\.id)
    #expect(Set(ids).count == ids.count)
    for q in SummaryQuestion.all {
      let answerable = [q.yes, q.weakYes, q.partly, q.no].contains { !$0.categories.isEmpty || !$0.rules.isEmpty || !$0.facts.isEmpty || $0.dataKinds }
      #expect(answerable, "\(q.id)")
    }
  }
}
