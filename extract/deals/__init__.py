"""Deals (investments, acquisitions, licences, partnerships, hirings) and model sizes from a parsed Doc.

Both extractors read the dependency parse around a trigger word; the words and the role of
each syntactic slot live in ``data/patterns/deal_triggers.json`` (loaded once).

How a deal is read
------------------
A *trigger* is a verb ("acquire", "invest", "license", "partner", "hire"...) or a noun
("acquisition", "investment", "funding round", "partnership", "licensing deal"...). Its
*frame* is the trigger plus the verbs that carry it: the verbs it is the infinitive of
("agreed to *acquire*", "pay $650 million to Inflection to *license*"), and for a noun the
verb it is the object of ("*announced* a partnership", "*led* a round"). Companies fill roles
from the slots of the frame: the subject (inherited through ``xcomp``/``conj``), the direct
object or its owner ("Inflection's staff", "its AI software"), the possessor of a noun
("*its* investment in OpenAI") and preposition objects ("in", "from", "with", "between",
"to" of a payment verb). Pronouns and descriptions ("its", "the company") are resolved with
:mod:`extract.coref`. A deal needs two different companies; an investment needs an investor
and an investee.

The amount is a money expression (:func:`extract.quantities.iter_money`) attached to the
frame: object of pay/invest/raise, "for $X", "worth $X", or a modifier of the trigger noun
("a $10 billion investment"); when the sentence has none, a next sentence that names the deal
again ("The deal is worth $X", "The Journal put the value of that deal at $X") may give it. The date is
a date attached to the deal's clause, else the article's date.

A payment verb whose "for"/"on" phrase or purpose clause names what it buys is a deal of its own
(rule ``deal.payment``): "pay Beta $100 million for the right to use its models" or "to use its
models" is a licence (payer licensee), "spend $600 million on capacity from Oracle" an 'other' deal.
"integrate Beta's model into its phones" is a partnership (never when the thing integrated is a
company); "A agreed with B and C to offer ..." is a partnership of all three, and "A and B agreed to build
a plant" one of both (what companies agree to make, they make together; "agreed to pay the regulator" is
none); a joint venture or consortium formed by A, B and C is one partnership of all three, and so
is a project they make, build or fund "jointly" or "together" ("A, B and C are building a data centre
together"; "which together hold two-thirds of the market" is none). Paying for a company's staff
("$2.5 billion for Beta's technology and key employees") is hiring, not an acquisition; buying "a
stake in Y from X" is an investment in Y, never a purchase of X. A commercial agreement ('other': "a
cloud agreement with AWS") makes its companies partners, unless a name in front of "deal" is the
only sign of it ("Salesforce's Ostrava Analytics deal" says not which deal).

Parties: a list the parser made an apposition ("backed by A, B and C" with "B and C" hung on A) gives
every company its role; a person's former employer named in an apposition ("X, a former scientist at
IBM") is never what "the company" of the deal means.

Beyond one sentence: a funding round takes participants from the next sentence ("B and C
also took part", "Backers in the round included B and C"); a definite round with investors only
("X raised $40M. *The round* was led by A") continues the previous sentence's raise; an amount may come a few sentences later about a party and a noun of the
deal's kind ("a licence payment ... put at $2.7B"); a deal "as part of a partnership" gives the
partnership its companies. A description or object pronoun never means the frame's other party
("Google agreed to invest in *the company*"). The same companies with different amounts are
different deals (:func:`same_amount`). A licence and a hire of the same two companies told within a
few sentences are one arrangement, kept as the licence (:mod:`extract.deals.combined`); a hire with no
licence near it stays a hiring deal. A company that joins a partnership told just before ("A, B and C
formed a joint venture. D is also putting in money", "D joins as a partner", "; D will also invest")
becomes one more partner of it (:mod:`extract.deals.joiners`); money put into a venture with a name of
its own ("a joint venture called Stargate") makes the joiner an investor in it.

Confidence
----------
0.7 for a deal stated by a verb or by a noun with its parties, +0.1 with an amount; a verb in
the simple present outside a headline ("Quillstone licenses technology from Sonata") states a
standing arrangement, 0.45; so does a holding stated without a transaction ("is backed by A", "has
put money into A and B", "has invested in A" with no amount and no time), whose relation still holds
(:func:`deal_relations`). Deals that are not stated as happening get a confidence below 0.5, which
the graph drops but relation extractors may still read (a relation rule's acquires, invests_in or
licenses_from under the same hypothesis is no edge either): hypothetical or planned-but-uncertain
ones ("may need to partner with", "in talks to acquire") 0.3, negated ones ("did not acquire") 0.2, and a
partnership noun that only describes an ongoing relationship ("the collaboration between
Microsoft and OpenAI") 0.45, unless an event verb reports it ("announced a partnership").
"""
from ..modality import CONFIDENCE_HYPOTHETICAL, CONFIDENCE_NEGATED
from .find import deal_relations, find_deals, same_amount
from .frames import is_series_name
from .parties import KEEP_CONFIDENCE, TRIGGERS_PATH, load_triggers
from .sizes import find_attributes

__all__ = ["find_deals", "find_attributes", "deal_relations", "same_amount", "load_triggers", "KEEP_CONFIDENCE", "TRIGGERS_PATH",
           "is_series_name", "CONFIDENCE_HYPOTHETICAL", "CONFIDENCE_NEGATED"]
