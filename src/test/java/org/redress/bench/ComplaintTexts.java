package org.redress.bench;

import java.util.List;
import java.util.Map;

/**
 * What customers write, in the five languages the gateway answers in: names, products, complaint subjects and
 * bodies, and the follow-up words of a reply. Demo text written for the benchmark (nothing copied from real mail);
 * placeholders {@code {name} {order} {amount} {product}} are filled per mail, {@code {token}} marks the words of a
 * reply that the benchmark looks for in the ticket's comment.
 */
final class ComplaintTexts {
    private ComplaintTexts() {
    }

    static final List<String> LANGUAGES = List.of("fr", "it", "en", "de", "es");

    record Template(String subject, String body) {
    }

    record Language(String code, List<String> names, List<String> products, String currencyFormat,
                    List<Template> complaints, String replyWords, String keySubject, String keyWords,
                    String invoiceWord, String totalWord, String customerWord, String letterTitle) {
    }

    static final Map<String, Language> BY_CODE = Map.of(
            "fr", new Language("fr",
                    List.of("Amélie Girard", "Julien Moreau", "Claire Dubois", "Théo Lefèvre", "Manon Rousseau",
                            "Hélène Garnier"),
                    List.of("lampe de bureau", "aspirateur", "fauteuil", "cafetière", "bouilloire"),
                    "%d,%02d €",
                    List.of(new Template("Commande {order} : {product} arrivé cassé",
                                    "Bonjour,\n\nJ'ai reçu hier ma commande {order} et le {product} est arrivé cassé : le "
                                            + "carton était écrasé et l'objet est inutilisable. Je l'ai payé {amount}. Je "
                                            + "souhaite un remboursement ou un remplacement rapide.\n\nMerci de me tenir "
                                            + "informée.\n\nCordialement,\n{name}"),
                            new Template("Toujours pas de livraison – commande {order}",
                                    "Bonjour,\n\nJ'ai commandé un {product} il y a trois semaines (commande {order}, "
                                            + "{amount}) et je n'ai toujours rien reçu. Le suivi n'a pas bougé depuis dix "
                                            + "jours et personne ne répond au téléphone. Je demande le remboursement "
                                            + "intégral si le colis n'arrive pas cette semaine.\n\n{name}"),
                            new Template("Facture erronée pour la commande {order}",
                                    "Madame, Monsieur,\n\nLa facture de ma commande {order} indique {amount} alors que "
                                            + "le prix affiché sur votre site était inférieur. J'ai en plus été débitée "
                                            + "deux fois sur ma carte. Merci de corriger la facture et de me rembourser le "
                                            + "trop-perçu.\n\nBien à vous,\n{name}"),
                            new Template("{product} en panne après deux semaines",
                                    "Bonjour,\n\nMon {product} ne fonctionne plus après seulement deux semaines "
                                            + "d'utilisation. Il est sous garantie. Que dois-je faire pour l'échanger ? "
                                            + "Ma commande : {order}, payée {amount}.\n\nMerci d'avance,\n{name}")),
                    "Bonjour,\n\nVoici le numéro de suivi {token} que le transporteur m'a donné. Le colis est toujours "
                            + "bloqué au dépôt. Merci de faire le nécessaire.\n\n{name}",
                    "Complément à ma réclamation [{key}]",
                    "Bonjour,\n\nJe complète ma réclamation : le transporteur m'a donné la référence {token} et "
                            + "prétend que le colis a été livré, ce qui est faux.\n\n{name}",
                    "FACTURE", "Total TTC", "Client", "Réclamation"),
            "it", new Language("it",
                    List.of("Giulia Rossi", "Marco Bianchi", "Chiara Esposito", "Luca Romano", "Francesca Ricci",
                            "Matteo Gallo"),
                    List.of("lampada da tavolo", "aspirapolvere", "poltrona", "macchina da caffè", "bollitore"),
                    "%d,%02d €",
                    List.of(new Template("Ordine {order}: {product} arrivata rotta",
                                    "Buongiorno,\n\nieri ho ricevuto l'ordine {order} ma il prodotto ({product}) è arrivato "
                                            + "rotto: la scatola era schiacciata. L'ho pagato {amount}. Chiedo la "
                                            + "sostituzione o il rimborso al più presto.\n\nCordiali saluti,\n{name}"),
                            new Template("Ordine {order} mai consegnato",
                                    "Salve,\n\nho ordinato un {product} tre settimane fa (ordine {order}, {amount}) e non "
                                            + "è ancora arrivato niente. Il tracciamento è fermo da dieci giorni e il "
                                            + "servizio clienti non risponde. Se il pacco non arriva entro questa "
                                            + "settimana voglio il rimborso completo.\n\n{name}"),
                            new Template("Fattura sbagliata per l'ordine {order}",
                                    "Gentili signori,\n\nla fattura dell'ordine {order} riporta {amount}, ma il prezzo sul "
                                            + "vostro sito era più basso. Inoltre la carta è stata addebitata due volte. "
                                            + "Vi prego di correggere la fattura e di rimborsarmi la differenza.\n\n"
                                            + "Distinti saluti,\n{name}"),
                            new Template("{product} guasta dopo due settimane",
                                    "Buongiorno,\n\nil mio {product} non funziona più dopo solo due settimane. È in "
                                            + "garanzia: come posso sostituirlo? Il mio ordine è {order}, pagato "
                                            + "{amount}.\n\nGrazie,\n{name}")),
                    "Buongiorno,\n\necco il numero di spedizione {token} che mi ha dato il corriere. Il pacco è ancora "
                            + "fermo al magazzino. Vi prego di intervenire.\n\n{name}",
                    "Integrazione al reclamo [{key}]",
                    "Salve,\n\naggiungo che il corriere mi ha dato il riferimento {token} e sostiene che il pacco sia "
                            + "stato consegnato, ma non è vero.\n\n{name}",
                    "FATTURA", "Totale", "Cliente", "Reclamo"),
            "en", new Language("en",
                    List.of("Tom Baker", "Emily Clarke", "James Wilson", "Sophie Turner", "Oliver Hughes",
                            "Grace Patel"),
                    List.of("desk lamp", "vacuum cleaner", "armchair", "coffee maker", "kettle"),
                    "£%d.%02d",
                    List.of(new Template("Order {order}: {product} arrived broken",
                                    "Hello,\n\nMy order {order} arrived yesterday and the {product} was broken: the box "
                                            + "was crushed and it cannot be used. I paid {amount} for it. I would like a "
                                            + "refund or a replacement as soon as possible.\n\nKind regards,\n{name}"),
                            new Template("Still no delivery for order {order}",
                                    "Hi,\n\nI ordered a {product} three weeks ago (order {order}, {amount}) and nothing "
                                            + "has arrived. Tracking has not moved for ten days and nobody answers the "
                                            + "phone. If the parcel does not arrive this week I want a full refund.\n\n"
                                            + "{name}"),
                            new Template("Wrong invoice for order {order}",
                                    "Dear Sir or Madam,\n\nThe invoice for my order {order} says {amount}, but the price "
                                            + "on your website was lower, and my card was charged twice. Please correct "
                                            + "the invoice and refund the difference.\n\nYours faithfully,\n{name}"),
                            new Template("{product} stopped working after two weeks",
                                    "Hello,\n\nMy {product} stopped working after only two weeks. It is under warranty: "
                                            + "how do I get it replaced? The order is {order}, paid {amount}.\n\n"
                                            + "Thanks,\n{name}")),
                    "Hello,\n\nHere is the tracking number {token} the courier gave me. The parcel is still stuck at "
                            + "the depot. Please sort this out.\n\n{name}",
                    "More about my complaint [{key}]",
                    "Hi,\n\nOne more thing: the courier gave me the reference {token} and claims the parcel was "
                            + "delivered, which is not true.\n\n{name}",
                    "INVOICE", "Total", "Customer", "Complaint"),
            "de", new Language("de",
                    List.of("Lena Schmidt", "Jonas Müller", "Anna Becker", "Felix Wagner", "Sophie Hoffmann",
                            "Lukas Weiß"),
                    List.of("Schreibtischlampe", "Staubsauger", "Sessel", "Kaffeemaschine", "Wasserkocher"),
                    "%d,%02d €",
                    List.of(new Template("Bestellung {order}: {product} kaputt angekommen",
                                    "Guten Tag,\n\nmeine Bestellung {order} ist gestern angekommen, aber die "
                                            + "{product} ist kaputt: der Karton war eingedrückt. Ich habe {amount} "
                                            + "bezahlt. Ich möchte eine Erstattung oder schnellen Ersatz.\n\n"
                                            + "Mit freundlichen Grüßen,\n{name}"),
                            new Template("Bestellung {order} immer noch nicht geliefert",
                                    "Hallo,\n\nich habe vor drei Wochen einen {product} bestellt (Bestellung {order}, "
                                            + "{amount}) und nichts ist angekommen. Die Sendungsverfolgung steht seit zehn "
                                            + "Tagen still und niemand geht ans Telefon. Wenn das Paket diese Woche nicht "
                                            + "kommt, verlange ich die volle Erstattung.\n\n{name}"),
                            new Template("Falsche Rechnung zur Bestellung {order}",
                                    "Sehr geehrte Damen und Herren,\n\ndie Rechnung zu meiner Bestellung {order} lautet "
                                            + "auf {amount}, obwohl der Preis auf Ihrer Website niedriger war. Außerdem "
                                            + "wurde meine Karte zweimal belastet. Bitte korrigieren Sie die Rechnung und "
                                            + "erstatten Sie die Differenz.\n\nMit freundlichen Grüßen,\n{name}"),
                            new Template("{product} nach zwei Wochen defekt",
                                    "Guten Tag,\n\nmein {product} funktioniert nach nur zwei Wochen nicht mehr. Es gilt "
                                            + "die Garantie: wie bekomme ich Ersatz? Bestellung {order}, bezahlt "
                                            + "{amount}.\n\nDanke,\n{name}")),
                    "Guten Tag,\n\nhier die Sendungsnummer {token}, die mir der Paketdienst gegeben hat. Das Paket "
                            + "liegt immer noch im Depot. Bitte kümmern Sie sich darum.\n\n{name}",
                    "Nachtrag zu meiner Reklamation [{key}]",
                    "Hallo,\n\nnoch ein Nachtrag: der Paketdienst nennt mir die Referenz {token} und behauptet, das "
                            + "Paket sei zugestellt worden. Das stimmt nicht.\n\n{name}",
                    "RECHNUNG", "Gesamtbetrag", "Kunde", "Reklamation"),
            "es", new Language("es",
                    List.of("Lucía García", "Javier Martínez", "Carmen López", "Pablo Sánchez", "Elena Fernández",
                            "Sergio Navarro"),
                    List.of("lámpara de escritorio", "aspiradora", "sillón", "cafetera", "hervidor"),
                    "%d,%02d €",
                    List.of(new Template("Pedido {order}: {product} llegó roto",
                                    "Hola,\n\nayer recibí mi pedido {order} y el producto ({product}) llegó roto: la "
                                            + "caja estaba aplastada. Pagué {amount}. Quiero un reembolso o una "
                                            + "sustitución lo antes posible.\n\nSaludos cordiales,\n{name}"),
                            new Template("El pedido {order} sigue sin llegar",
                                    "Buenas tardes,\n\npedí un {product} hace tres semanas (pedido {order}, {amount}) y "
                                            + "no ha llegado nada. El seguimiento lleva diez días parado y nadie contesta "
                                            + "al teléfono. Si el paquete no llega esta semana exijo el reembolso "
                                            + "completo.\n\n{name}"),
                            new Template("Factura incorrecta del pedido {order}",
                                    "Estimados señores:\n\nla factura de mi pedido {order} indica {amount}, pero el "
                                            + "precio en su web era menor, y además me han cobrado dos veces en la "
                                            + "tarjeta. Les ruego que corrijan la factura y me devuelvan la diferencia."
                                            + "\n\nAtentamente,\n{name}"),
                            new Template("{product} averiada a las dos semanas",
                                    "Hola,\n\nmi {product} ha dejado de funcionar a las dos semanas. Está en garantía: "
                                            + "¿cómo la cambio? El pedido es {order}, pagado {amount}.\n\nGracias,\n"
                                            + "{name}")),
                    "Hola,\n\naquí está el número de seguimiento {token} que me dio la empresa de transporte. El "
                            + "paquete sigue parado en el almacén. Por favor, solucionen esto.\n\n{name}",
                    "Información adicional sobre mi reclamación [{key}]",
                    "Hola,\n\nañado que el transportista me ha dado la referencia {token} y dice que el paquete fue "
                            + "entregado, lo cual no es cierto.\n\n{name}",
                    "FACTURA", "Total", "Cliente", "Reclamación"));
}
