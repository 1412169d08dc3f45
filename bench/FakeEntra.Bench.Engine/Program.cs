using BenchmarkDotNet.Running;

// The cross-tenant decision's cost as the world grows: partner configurations at the resource tenant and groups of the user.
// Usage: dotnet run -c Release --project bench/FakeEntra.Bench.Engine -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
