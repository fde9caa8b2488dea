namespace Clea.Data.Evaluations;

/// <summary>The individualised training path on what the prior evaluation found not acquired, with its trainers.</summary>
public sealed class TrainingPath
{
    private readonly List<TrainingPathTrainer> _trainers = [];

    public int Id { get; private set; }
    public int CandidateId { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public IReadOnlyList<TrainingPathTrainer> Trainers => _trainers;

    private TrainingPath() { }

    internal TrainingPath(DateOnly startedOn) => StartedOn = startedOn;

    internal void AddTrainer(int intervenantId, DateOnly from)
    {
        if (_trainers.All(t => t.IntervenantId != intervenantId)) _trainers.Add(new TrainingPathTrainer(intervenantId, from));
    }
}

/// <summary>A trainer of a candidate's path (a declared intervenant of the organism).</summary>
public sealed class TrainingPathTrainer
{
    public int TrainingPathId { get; private set; }
    public int IntervenantId { get; private set; }
    public DateOnly From { get; private set; }

    private TrainingPathTrainer() { }

    internal TrainingPathTrainer(int intervenantId, DateOnly from)
    {
        IntervenantId = intervenantId;
        From = from;
    }
}
