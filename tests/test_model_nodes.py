"""The layers of the pipeline's trained components, each once (extract/model_nodes.py):
the shared tok2vec's and the entity recogniser's own, through the array-decoded
recogniser that wraps spaCy's."""


def test_every_layer_once_the_wrapped_recognisers_too(nlp):
    from extract.greedy_ner import GreedyEntityRecognizer
    from extract.model_nodes import model_of, pipeline_nodes

    nodes = list(pipeline_nodes(nlp))
    assert len({n.id for n in nodes}) == len(nodes)
    ner = nlp.get_pipe("ner")
    assert isinstance(ner, GreedyEntityRecognizer) and model_of(ner) is ner.ner.model
    ids = {n.id for n in nodes}
    for model in (nlp.get_pipe("tok2vec").model, ner.ner.model.get_ref("tok2vec")):
        assert {n.id for n in model.walk()} <= ids


def test_a_component_without_a_model_has_none(nlp):
    from extract.model_nodes import model_of

    assert model_of(nlp.get_pipe("claims_quantities")) is None
